/** The field types to add: a new field goes after the selected one and is selected. */
import type { FieldType } from "../../core/index.ts";
import { PALETTE_TYPES, TYPE_LABELS } from "./fieldTypes.ts";

export function Palette(p: {
  onAdd: (type: FieldType) => void;
  /** Inside a repeating group only simple fields are allowed (no nested groups). */
  inGroup?: boolean;
  idPrefix?: string;
}) {
  const types = PALETTE_TYPES.filter((t) => !(p.inGroup && t === "group"));
  const prefix = p.idPrefix ?? "palette";
  return (
    <section class="studio-palette" aria-labelledby={`${prefix}-titel`}>
      <h3 class="kern-title kern-title--small" id={`${prefix}-titel`}>
        {p.inGroup ? "Feld zur Gruppe hinzufügen" : "Feld hinzufügen"}
      </h3>
      <p class="kern-hint">Das neue Feld wird nach dem ausgewählten Feld eingefügt.</p>
      <ul class="studio-palette__list">
        {types.map((type) => (
          <li key={type}>
            <button
              type="button"
              id={`${prefix}-${type}`}
              class="kern-btn kern-btn--secondary studio-btn--small"
              onClick={() => p.onAdd(type)}
            >
              <span class="kern-label">{TYPE_LABELS[type] ?? type}</span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
