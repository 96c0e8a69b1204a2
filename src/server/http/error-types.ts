export interface ErrorSpec {
  status: number;
  title: string;
}
export type ErrorCatalog = Record<string, ErrorSpec>;

export interface FieldError {
  field: string;
  message: string;
  code?: string;
}
