package org.alcance.training;

import org.alcance.test.InfrastructureContract;

class HarnessIT extends InfrastructureContract {
}
