/**
 * Who may use Ferry and how secrets are kept: users and roles from configuration (or an
 * admin password generated at first start), HTTP Basic for the API and a form login for
 * the dashboard, login throttling, and AES-GCM encryption of the FTP passwords at rest.
 */
package dev.ferry.security;
