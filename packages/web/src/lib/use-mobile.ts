import { Grid } from 'antd';

/** True below antd's `md` breakpoint (768 px): phones get cards and drawers instead of tables and side menus. */
export function useIsMobile(): boolean {
  const screens = Grid.useBreakpoint();
  // Before the first measurement every breakpoint is undefined: assume a desktop only if `md` is known.
  return screens.md === false;
}
