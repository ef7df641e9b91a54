/** Users, roles and the access rules of every endpoint. */
package org.civatlas.security;
