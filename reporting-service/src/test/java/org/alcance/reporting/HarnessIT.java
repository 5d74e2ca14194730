package org.alcance.reporting;

import org.alcance.test.InfrastructureContract;

class HarnessIT extends InfrastructureContract {
}
