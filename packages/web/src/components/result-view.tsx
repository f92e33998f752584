/** antd's Result, in a module of its own so that `LazyResult` (lazy-result.tsx) can load it on demand. */
export { Result as ResultView } from 'antd';
