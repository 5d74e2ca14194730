package org.alcance.campaign;

import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/** Owns awareness campaigns and the progress updates field offices post about them. */
@SpringBootApplication
public class CampaignApplication {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    public static void main(String[] args) {
        SpringApplication.run(CampaignApplication.class, args);
    }
}
