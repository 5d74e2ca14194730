package org.alcance.training;

import org.alcance.test.SecurityContract;

class SecurityIT extends SecurityContract {
}
