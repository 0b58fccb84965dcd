import type { Model, ModelStatic } from 'sequelize';

/**
 * `INSERT INTO table (columns) VALUES ($n, …)` for one row given by column name, its values appended to
 * `values` (bind parameters): for writes composed into one statement with others.
 */
export function insertSql(table: string, row: Record<string, unknown>, values: unknown[]): string {
  const columns = Object.keys(row);
  const params = columns.map((column) => `$${values.push(row[column])}`);
  return `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${params.join(', ')})`;
}

/**
 * A model instance built in memory (`Model.build`: the model's defaults applied) as a row by column name,
 * what `save()` would insert: for `insertSql`. Unset attributes are left to the table's defaults.
 */
export function columnsOf<M extends Model>(model: ModelStatic<M>, instance: M): Record<string, unknown> {
  const row: Record<string, unknown> = {};
  for (const [name, attribute] of Object.entries(model.getAttributes())) {
    const value = instance.get(name as keyof M & string);
    if (value !== undefined) row[attribute.field ?? name] = value;
  }
  return row;
}
