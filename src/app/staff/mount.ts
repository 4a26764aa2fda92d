import { mount } from 'svelte';
import './staff.scss';
import StaffApp from './StaffApp.svelte';

/** Starts the caseworkers' back office in place of the kiosk. */
export function mountStaff(target: HTMLElement): void {
  mount(StaffApp, { target });
}
