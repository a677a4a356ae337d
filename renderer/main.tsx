import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
// The shared stylesheet first, so each feature's own CSS can refine it.
import './styles.css';
import { App } from './app/app';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
