package org.alcance.campaign;

import org.alcance.test.InfrastructureContract;

class HarnessIT extends InfrastructureContract {
}
