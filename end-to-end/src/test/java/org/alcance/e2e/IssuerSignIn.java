package org.alcance.e2e;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.function.Consumer;
import org.alcance.local.Issuer;
import org.alcance.local.LocalStack;
import org.alcance.test.Chromium;
import org.openqa.selenium.By;

/** A person signing in to the dashboard as a browser does it: from its sign-in button to the issuer's login page. */
final class IssuerSignIn {

    private IssuerSignIn() {
    }

    /**
     * From the dashboard's sign-in button to the issuer's login page (shown to {@code atLogin} before it is sent)
     * and back to the dashboard, signed in as {@code user} with the password the issuer made.
     */
    static void signIn(Chromium chromium, Issuer issuer, String user, Consumer<Chromium> atLogin) {
        chromium.byId("sign-in-link").click();
        await().atMost(Duration.ofSeconds(10)).until(() -> chromium.driver().getCurrentUrl().startsWith(issuer.uri() + "/login"));
        chromium.byId("username").sendKeys(user);
        chromium.byId("password").sendKeys(issuer.secret("user." + user));
        atLogin.accept(chromium);
        chromium.driver().findElement(By.cssSelector("button[type=submit]")).click();
        await().atMost(Duration.ofSeconds(20)).until(() -> chromium.driver().getCurrentUrl().startsWith(LocalStack.DASHBOARD)
                && chromium.byId("sign-out").isDisplayed());
    }
}
