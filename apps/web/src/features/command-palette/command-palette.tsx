import { Command, defaultFilter } from 'cmdk';
import { useCallback, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { useDebouncedValue } from '../../shared/hooks/use-debounced-value.ts';
import { FolderIcon, HomeIcon, LayersIcon, PlusIcon, SearchIcon } from '../../shared/ui/icons.tsx';
import { Spinner } from '../../shared/ui/spinner.tsx';
import { useOrganizations } from '../organizations/current-organization.tsx';
import { useProjectList } from '../projects/hooks/use-projects.ts';
import type { Project } from '../projects/project.types.ts';
import { humanizeStatus } from '../tasks/components/list/list-cells.tsx';
import { useTaskSearch } from '../tasks/hooks/use-tasks.ts';
import { projectIdInPath, taskDestination } from './palette-routes.ts';
import { usePaletteHotkey } from './use-palette-hotkey.ts';

/** Items found by the server's full-text search are kept whatever cmdk's own matching says. */
const TASK_VALUE_PREFIX = 'task:';
function paletteFilter(value: string, search: string, keywords?: string[]): number {
  return value.startsWith(TASK_VALUE_PREFIX) ? 0.5 : defaultFilter(value, search, keywords);
}

/** Ctrl/Cmd+K anywhere in the signed-in app: jump somewhere, create a task, find a task. */
export function CommandPalette() {
  const [isOpen, setOpen] = useState(false);
  const toggle = useCallback(() => setOpen((open) => !open), []);
  usePaletteHotkey(toggle);
  return isOpen ? <PaletteDialog onClose={() => setOpen(false)} /> : null;
}

function PaletteDialog({ onClose }: { onClose: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  const [search, setSearch] = useState('');
  const q = useDebouncedValue(search.trim(), 200);
  const navigate = useNavigate();
  const location = useLocation();

  useLayoutEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const dialog = ref.current;
    dialog?.showModal();
    dialog?.querySelector<HTMLInputElement>('input')?.focus();
    return () => {
      if (dialog?.open) {
        dialog.close();
      }
      if (opener?.isConnected) {
        opener.focus();
      }
    };
  }, []);

  const go = (to: string) => {
    onClose();
    void navigate(to);
  };

  return (
    <dialog
      ref={ref}
      className="palette"
      aria-label="Command palette"
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
      onClick={(event) => {
        if (event.target === event.currentTarget) {
          onClose();
        }
      }}
    >
      <Command label="Command palette" filter={paletteFilter} loop>
        <div className="palette-input-row">
          <SearchIcon className="palette-input-icon" />
          <Command.Input
            className="palette-input"
            value={search}
            onValueChange={setSearch}
            placeholder="Search tasks, jump to a page, create a task…"
            maxLength={200}
          />
        </div>
        <Command.List className="palette-list">
          <Command.Empty className="palette-empty">Nothing matches “{search.trim()}”.</Command.Empty>
          {q ? <TaskResults q={q} onOpen={(task) => go(taskDestination(task, location))} /> : null}
          <Command.Group heading="Go to">
            <PaletteItem value="go home" icon={<HomeIcon />} label="Home" onSelect={() => go('/')} />
            <PaletteItem
              value="go my work assigned to me"
              icon={<LayersIcon />}
              label="My work"
              onSelect={() => go('/my-work')}
            />
            <PaletteItem
              value="go projects"
              icon={<FolderIcon />}
              label="Projects"
              onSelect={() => go('/projects')}
            />
          </Command.Group>
          <ProjectCommands
            currentProjectId={projectIdInPath(location.pathname)}
            createOn={location.pathname.endsWith('/board') ? 'board' : 'list'}
            isSearching={search.trim().length > 0}
            go={go}
          />
        </Command.List>
        <footer className="palette-footer" aria-hidden="true">
          <span>
            <kbd>↑</kbd>
            <kbd>↓</kbd> move
          </span>
          <span>
            <kbd>Enter</kbd> open
          </span>
          <span>
            <kbd>Esc</kbd> close
          </span>
        </footer>
      </Command>
    </dialog>
  );
}

interface PaletteItemProps {
  value: string;
  label: string;
  icon?: ReactNode;
  hint?: string;
  onSelect: () => void;
}

function PaletteItem({ value, label, icon, hint, onSelect }: PaletteItemProps) {
  return (
    <Command.Item className="palette-item" value={value} onSelect={onSelect}>
      <span className="palette-item-icon">{icon}</span>
      <span className="palette-item-label">{label}</span>
      {hint ? <span className="palette-item-hint">{hint}</span> : null}
    </Command.Item>
  );
}

function TaskResults({
  q,
  onOpen,
}: {
  q: string;
  onOpen: (task: { key: string; project_id: string }) => void;
}) {
  const search = useTaskSearch(q);
  const tasks = search.data?.items ?? [];
  return (
    <Command.Group heading="Tasks" forceMount={search.isFetching || search.isError}>
      {search.isFetching && tasks.length === 0 ? (
        <Command.Loading>
          <div className="palette-loading">
            <Spinner size="sm" /> Searching tasks…
          </div>
        </Command.Loading>
      ) : null}
      {search.isError ? <div className="palette-loading">We couldn't search tasks. Try again.</div> : null}
      {tasks.map((task) => (
        <Command.Item
          key={task.id}
          className="palette-item"
          value={`${TASK_VALUE_PREFIX}${task.id}`}
          onSelect={() => onOpen(task)}
        >
          <span className="palette-item-key">{task.key}</span>
          <span className="palette-item-label">{task.title}</span>
          <span className="palette-item-hint">{humanizeStatus(task.status)}</span>
        </Command.Item>
      ))}
    </Command.Group>
  );
}

interface ProjectCommandsProps {
  currentProjectId: string | null;
  /** While the user types, every project's pages are offered; otherwise only the current one's. */
  isSearching: boolean;
  /** The page the create dialog opens on: the board when the user is on one. */
  createOn: 'board' | 'list';
  go: (to: string) => void;
}

function ProjectCommands({ currentProjectId, isSearching, createOn, go }: ProjectCommandsProps) {
  const { current } = useOrganizations();
  const list = useProjectList({ organization_id: current?.id ?? '' });
  const projects = list.data?.pages.flatMap((page) => page.items) ?? [];
  const currentProject = projects.find((p) => p.id === currentProjectId);
  const others = projects.filter((p) => p.id !== currentProjectId);
  return (
    <>
      {currentProject ? (
        <Command.Group heading={currentProject.name}>
          <ProjectItems project={currentProject} createOn={createOn} go={go} />
        </Command.Group>
      ) : null}
      {others.length > 0 ? (
        <Command.Group heading="Projects">
          {others.map((project) =>
            isSearching ? (
              <ProjectItems key={project.id} project={project} createOn="list" go={go} />
            ) : (
              <PaletteItem
                key={project.id}
                value={`open ${project.key} ${project.name} ${project.id}`}
                icon={<FolderIcon />}
                label={project.name}
                hint={project.key}
                onSelect={() => go(`/projects/${project.id}`)}
              />
            ),
          )}
        </Command.Group>
      ) : null}
    </>
  );
}

/** Create a task in, and open the board, list or overview of, one project. */
function ProjectItems({
  project,
  createOn,
  go,
}: {
  project: Project;
  createOn: 'board' | 'list';
  go: (to: string) => void;
}) {
  const base = `/projects/${project.id}`;
  const name = `${project.key} ${project.name} ${project.id}`;
  const canCreate = project.status !== 'archived' && project.my_role !== 'viewer';
  return (
    <>
      {canCreate ? (
        <PaletteItem
          value={`create new task in ${name}`}
          icon={<PlusIcon />}
          label={`Create task in ${project.name}`}
          hint={project.key}
          onSelect={() => go(`${base}/${createOn}?create=1`)}
        />
      ) : null}
      <PaletteItem
        value={`board ${name}`}
        icon={<LayersIcon />}
        label={`${project.name}: Board`}
        onSelect={() => go(`${base}/board`)}
      />
      <PaletteItem
        value={`list ${name}`}
        icon={<LayersIcon />}
        label={`${project.name}: List`}
        onSelect={() => go(`${base}/list`)}
      />
      <PaletteItem
        value={`overview ${name}`}
        icon={<FolderIcon />}
        label={`${project.name}: Overview`}
        onSelect={() => go(base)}
      />
    </>
  );
}
