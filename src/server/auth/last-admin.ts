/**
 * Nobody may leave the installation without an active admin: deactivating or demoting an admin is
 * refused while that admin is the only active one, so administration can never be locked out.
 * `activeAdmins` counts active admin accounts, the one in question included.
 */
export function removesLastAdmin(role: string, activeAdmins: number): boolean {
  return role === 'admin' && activeAdmins <= 1;
}
