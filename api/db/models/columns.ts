import { DataTypes, type ModelAttributeColumnOptions } from 'sequelize';

// Functions, not shared objects: Sequelize writes each attribute's column name into its definition, so
// one object reused for two attributes would map both to the same column.

export const idColumn = (): ModelAttributeColumnOptions => ({ type: DataTypes.TEXT, primaryKey: true });
export const text = (): ModelAttributeColumnOptions => ({ type: DataTypes.TEXT, allowNull: false });
export const optionalText = (): ModelAttributeColumnOptions => ({ type: DataTypes.TEXT, allowNull: true });
export const date = (): ModelAttributeColumnOptions => ({ type: DataTypes.DATE, allowNull: false });
export const optionalDate = (): ModelAttributeColumnOptions => ({ type: DataTypes.DATE, allowNull: true });
export const integer = (defaultValue?: number): ModelAttributeColumnOptions => ({
  type: DataTypes.INTEGER,
  allowNull: false,
  defaultValue,
});

/** created_at / updated_at, filled by Sequelize (`timestamps: true` with `underscored`). */
export const timestamps = () => ({ createdAt: DataTypes.DATE, updatedAt: DataTypes.DATE });
