/** The product mark: two linked nodes, the smallest picture of a plan. */
export function Logo({ size = 28 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 32 32" aria-hidden="true" focusable="false" className="logo">
      <rect width="32" height="32" rx="8" fill="var(--accent)" />
      <path
        d="M10 21.5c3.5 0 5.5-2 6-5.5.5-3.5 2.5-5.5 6-5.5"
        fill="none"
        stroke="#fff"
        strokeWidth="3"
        strokeLinecap="round"
      />
      <circle cx="10" cy="21.5" r="2.2" fill="#fff" />
      <circle cx="22" cy="10.5" r="2.2" fill="#fff" />
    </svg>
  );
}
