import type { ReactNode } from 'react';
import { NavLink } from 'react-router';
import { PRODUCT_NAME } from '../brand.ts';
import { Logo } from './logo.tsx';

export interface NavItem {
  to: string;
  label: string;
  icon: ReactNode;
  /** Match the path exactly (for "/"). */
  end?: boolean;
}

export interface NavSection {
  title?: string;
  items: NavItem[];
}

interface AppFrameProps {
  nav: NavSection[];
  /** Replaces the product name at the top of the sidebar, e.g. an organization switcher. */
  switcher?: ReactNode;
  /** The account menu, pinned to the bottom of the sidebar. */
  userMenu: ReactNode;
  /** A strip above the content for app-wide notices. */
  notice?: ReactNode;
  /** App-wide controls above the account menu, on every page (the running timer). */
  tools?: ReactNode;
  children: ReactNode;
}

/** The signed-in layout: sidebar navigation, the account menu, and the page. */
export function AppFrame({ nav, switcher, userMenu, notice, tools, children }: AppFrameProps) {
  return (
    <div className="app-frame">
      <a href="#main" className="skip-link">
        Skip to content
      </a>
      <aside className="sidebar">
        {switcher ? (
          <div className="sidebar-switcher">{switcher}</div>
        ) : (
          <div className="sidebar-brand">
            <Logo size={22} />
            <span className="sidebar-brand-name">{PRODUCT_NAME}</span>
          </div>
        )}
        <nav className="sidebar-nav" aria-label="Main">
          {nav.map((section, index) => (
            <div className="nav-section" key={section.title ?? index}>
              {section.title ? <p className="nav-section-title">{section.title}</p> : null}
              <ul className="nav-list">
                {section.items.map((item) => (
                  <li key={item.to}>
                    <NavLink to={item.to} end={item.end ?? false} className="nav-link">
                      {item.icon}
                      <span>{item.label}</span>
                    </NavLink>
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </nav>
        {tools ? <div className="sidebar-tools">{tools}</div> : null}
        <div className="sidebar-footer">{userMenu}</div>
      </aside>
      <main id="main" className="main" tabIndex={-1}>
        {notice}
        {children}
      </main>
    </div>
  );
}
