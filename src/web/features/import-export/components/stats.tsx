/** A row of big numbers with labels (validation summary, import counts). */
export function Stats({
  items,
}: {
  items: Array<{ value: number; label: string; tone?: 'success' | 'danger' | 'muted' }>;
}) {
  return (
    <div className="ie-stats">
      {items.map((item) => (
        <div key={item.label} className="ie-stat" data-tone={item.tone}>
          <div className="ie-stat-value">{item.value.toLocaleString()}</div>
          <div className="ie-stat-label">{item.label}</div>
        </div>
      ))}
    </div>
  );
}
