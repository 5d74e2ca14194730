package org.alcance.reporting;

import org.alcance.test.SecurityContract;

class SecurityIT extends SecurityContract {
}
