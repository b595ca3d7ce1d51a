import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { resolveInitial } from './runtime/initialScenario.ts';
import './styles/theme.css';
import './styles/app.css';
import './styles/stage.css';
import './styles/controls.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App initial={resolveInitial(location.search, location.hash, location.origin)} />
  </StrictMode>,
);
