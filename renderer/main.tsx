import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
// Tokens and the shared base first: each component's own stylesheet (imported by the component)
// comes later in the bundle and can refine them.
import './styles/tokens.css';
import './styles/base.css';
import './styles/layout.css';
import './styles/controls.css';
import { App } from './app/app';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
