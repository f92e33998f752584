/**
 * A dated rule set (bộ quy tắc), owned by an organisation node and inherited down its subtree: the
 * meetings' rules (domain.md §3) with the supervision target (§4) and the recommendation time limits (§5).
 * Composed here, above the three features, so none of their type files imports another's (no circle).
 * Plain types only (no zod): the web may import it through the `@nennep/core/rule-set-content` subpath.
 */
import type { MeetingRules } from './meetings/types.ts';
import type { RecommendationRules } from './recommendations/types.ts';
import type { SupervisionRules } from './supervision/types.ts';

export interface RuleSetContent extends MeetingRules {
  /** The supervision coverage target (domain.md §4); absent in rule sets written before it existed. */
  supervision?: SupervisionRules;
  /** Recommendation categories and their time limits (domain.md §5); absent in older rule sets. */
  recommendations?: RecommendationRules;
}
