import type { OrgTreeNodeDto } from '@nennep/core/orgs/types';
import { useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { Empty, Tag, Tree, type TreeDataNode } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LoadError, Loading } from '../../components/query-state';
import { formatNumber } from '../../lib/format';
import { fetchTreeChildren, fetchTreeRoots, orgKeys } from './api';

interface OrgNode extends TreeDataNode {
  key: string;
  org: OrgTreeNodeDto;
  children?: OrgNode[];
}

function NodeTitle({ org }: { org: OrgTreeNodeDto }) {
  const { t } = useTranslation();
  const inactive = org.status !== 'active';
  return (
    <span className="nn-tree-title" data-testid="org-node" data-code={org.code}>
      <Link
        to={`/orgs/${encodeURIComponent(org.code)}`}
        style={inactive ? { color: 'rgba(0,0,0,0.45)' } : undefined}
      >
        {org.name}
      </Link>
      <Tag style={{ marginInlineEnd: 0 }}>{t(`kind.${org.kind}`)}</Tag>
      {inactive ? <Tag color="default">{t(`orgStatus.${org.status}`)}</Tag> : null}
      <span className="nn-tree-counts">
        {t('orgs.memberCount', { count: formatNumber(org.memberCount) })}
        {org.cellCount > 0 ? ` · ${t('orgs.cellCount', { count: formatNumber(org.cellCount) })}` : ''}
      </span>
    </span>
  );
}

/**
 * Organisation tree with children loaded on demand. Without `parent` it starts from the actor's
 * granted roots; with `parent` it shows that node's subtree. Loaded levels live in the query cache,
 * so an edit elsewhere (invalidating `orgs`) refreshes them without collapsing the tree.
 */
export function OrgTree({ parent }: { parent?: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [loadedKeys, setLoadedKeys] = useState<string[]>([]);
  const [expandedKeys, setExpandedKeys] = useState<string[]>([]);
  const roots = useQuery({
    queryKey: orgKeys.tree(parent ?? null),
    queryFn: () => (parent ? fetchTreeChildren(parent) : fetchTreeRoots()),
  });
  const levels = useQueries({
    queries: loadedKeys.map((code) => ({
      queryKey: orgKeys.tree(code),
      queryFn: () => fetchTreeChildren(code),
    })),
  });
  const childrenOf = new Map<string, OrgTreeNodeDto[]>();
  loadedKeys.forEach((code, i) => {
    const data = levels[i]?.data;
    if (data) childrenOf.set(code, data);
  });

  const build = (orgs: OrgTreeNodeDto[], seen: Set<string>): OrgNode[] =>
    orgs
      .filter((org) => !seen.has(org.code))
      .map((org) => {
        const kids = childrenOf.get(org.code);
        return {
          key: org.code,
          org,
          isLeaf: org.childCount === 0,
          children: kids ? build(kids, new Set([...seen, org.code])) : undefined,
        };
      });

  const loadData = async (node: OrgNode) => {
    await queryClient.fetchQuery({
      queryKey: orgKeys.tree(node.key),
      queryFn: () => fetchTreeChildren(node.key),
    });
    setLoadedKeys((prev) => (prev.includes(node.key) ? prev : [...prev, node.key]));
  };

  if (roots.error) return <LoadError error={roots.error} onRetry={() => void roots.refetch()} />;
  if (!roots.data) return <Loading />;
  if (roots.data.length === 0) {
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('orgs.noChildren')} />;
  }
  return (
    <div data-testid="org-tree" className="nn-org-tree">
      <Tree<OrgNode>
        blockNode
        showLine
        treeData={build(roots.data, new Set())}
        loadData={loadData}
        loadedKeys={loadedKeys}
        expandedKeys={expandedKeys}
        onExpand={(keys) => setExpandedKeys(keys.map(String))}
        titleRender={(node) => <NodeTitle org={node.org} />}
        selectable={false}
      />
    </div>
  );
}
