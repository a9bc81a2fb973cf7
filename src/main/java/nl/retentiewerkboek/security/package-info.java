/**
 * Accounts, roles and sign-in. {@link nl.retentiewerkboek.security.AppRoles} names the three roles;
 * {@link nl.retentiewerkboek.security.CurrentUser} is how services learn who is asking.
 */
package nl.retentiewerkboek.security;
