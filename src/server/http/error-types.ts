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

/**
 * What a unique-key violation of a module's table answers (a race two requests both passed the
 * service's check for), by table: the module's own 409 code and the field the key is about. A field
 * left out is read from the key's last column (workspace_id aside).
 */
export interface UniqueKeySpec<Code extends string> {
  code: Code;
  field?: string;
}
export type UniqueKeyCatalog<Code extends string> = Record<string, UniqueKeySpec<Code>>;
