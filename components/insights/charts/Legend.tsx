/** A chart's legend in HTML (wraps with the page, unlike SVG text). */
export function Legend({ items }: { items: { cls: string; label: string }[] }) {
  return (
    <p class="legend">
      {items.map((i) => (
        <span key={i.cls}>
          <i class={`swatch ${i.cls}`} />
          {i.label}
        </span>
      ))}
    </p>
  );
}
