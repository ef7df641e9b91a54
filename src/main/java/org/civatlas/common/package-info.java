/** Shared error types and the problem-response handler; every module may use it. */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.civatlas.common;
