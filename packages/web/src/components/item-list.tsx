import { List, type ListProps } from 'antd';
import type { ReactNode } from 'react';

/**
 * antd 6's `<List>` with `List.Item` children renders the `<li>`s straight in a `<div>`: a screen reader hears
 * no list, and axe reports `listitem` (issue 18). This one puts them in the `<ul>` antd uses with
 * `dataSource`, so the same items are announced as a list of N.
 */
export function ItemList({
  children,
  ...props
}: Omit<ListProps<never>, 'children'> & { children: ReactNode }) {
  return (
    <List {...props}>
      <ul className="ant-list-items">{children}</ul>
    </List>
  );
}
