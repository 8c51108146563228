import type { Core } from '@strapi/strapi';
import { EDITOR_FORMS, type EditorForm } from '../editor-forms';

interface FieldSize {
  default: number;
  isResizable: boolean;
}

interface StoredConfiguration {
  settings?: Record<string, unknown>;
  metadatas?: Record<string, { edit?: Record<string, unknown>; list?: Record<string, unknown> }>;
  layouts?: { list?: string[]; edit?: Array<Array<{ name: string; size: number }>> };
}

interface ConfigurationService {
  findConfiguration(model: { uid: string }): Promise<StoredConfiguration>;
  updateConfiguration(model: { uid: string }, configuration: StoredConfiguration): Promise<unknown>;
}

/**
 * Applies EDITOR_FORMS to the content manager's stored configuration at every start: the forms are
 * defined in code, and a change made by hand in the admin is put back, like any other drift.
 */
export const editorFormsService = ({ strapi }: { strapi: Core.Strapi }) => {
  const contentManager = strapi.plugin('content-manager');
  const fieldSizes = contentManager.service('field-sizes') as { getFieldSize(type: string): FieldSize };

  function buildConfiguration(uid: string, form: EditorForm, current: StoredConfiguration): StoredConfiguration {
    const model = strapi.getModel(uid as Parameters<Core.Strapi['getModel']>[0]) as unknown as { attributes: Record<string, { type: string }> };
    const sizeOf = (name: string, wanted: number): number => {
      const size = fieldSizes.getFieldSize(model.attributes[name]!.type);
      return size.isResizable ? wanted : size.default;
    };
    const metadatas = { ...(current.metadatas ?? {}) };
    for (const [name, field] of Object.entries(form.fields)) {
      const existing = metadatas[name] ?? {};
      metadatas[name] = {
        ...existing,
        edit: {
          ...(existing.edit ?? {}),
          label: field.label,
          description: field.description ?? '',
          placeholder: field.placeholder ?? '',
          visible: true,
          editable: field.editable ?? true,
          ...(field.mainField ? { mainField: field.mainField } : {}),
        },
        list: { ...(existing.list ?? {}), label: field.label, ...(field.sortable !== undefined ? { sortable: field.sortable } : {}) },
      };
    }
    return {
      settings: {
        bulkable: true,
        filterable: true,
        searchable: true,
        pageSize: 20,
        ...(current.settings ?? {}),
        mainField: form.mainField,
        defaultSortBy: form.defaultSortBy,
        defaultSortOrder: form.defaultSortOrder,
      },
      metadatas,
      layouts: {
        list: form.list,
        edit: form.edit.map((row) => row.filter(([name]) => model.attributes[name]).map(([name, size]) => ({ name, size: sizeOf(name, size) }))),
      },
    };
  }

  return {
    /** @returns the uids whose stored configuration changed */
    async applyEditorForms(): Promise<string[]> {
      const changed: string[] = [];
      for (const [uid, form] of Object.entries(EDITOR_FORMS)) {
        const isComponent = !uid.includes('::');
        const service = contentManager.service(isComponent ? 'components' : 'content-types') as ConfigurationService;
        const current = await service.findConfiguration({ uid });
        const next = buildConfiguration(uid, form, current);
        const unchanged =
          JSON.stringify(next.settings) === JSON.stringify(current.settings) &&
          JSON.stringify(next.metadatas) === JSON.stringify(current.metadatas) &&
          JSON.stringify(next.layouts) === JSON.stringify(current.layouts);
        if (unchanged) continue;
        await service.updateConfiguration({ uid }, next);
        changed.push(uid);
      }
      return changed;
    },
  };
};
