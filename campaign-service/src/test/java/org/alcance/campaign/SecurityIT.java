package org.alcance.campaign;

import org.alcance.test.SecurityContract;

class SecurityIT extends SecurityContract {
}
