/** What other features use from Pipelines: the pipelines list (with stages), e.g. for imports into a pipeline. */
export { pipelineKeys, usePipelines, type Pipeline, type Stage } from './api/pipelines';
