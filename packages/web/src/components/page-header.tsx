import { Flex, Typography } from 'antd';
import type { ReactNode } from 'react';

/** Title row of a page; the actions wrap below the title on narrow screens. */
export function PageHeader({ title, extra, sub }: { title: ReactNode; extra?: ReactNode; sub?: ReactNode }) {
  return (
    <div className="nn-page-header">
      <Flex wrap gap={8} justify="space-between" align="center">
        <div className="nn-page-title">
          <Typography.Title level={3} style={{ margin: 0 }}>
            {title}
          </Typography.Title>
          {sub ? (
            <div className="nn-page-sub" data-testid="page-sub">
              {sub}
            </div>
          ) : null}
        </div>
        {extra ? (
          <Flex wrap gap={8}>
            {extra}
          </Flex>
        ) : null}
      </Flex>
    </div>
  );
}
