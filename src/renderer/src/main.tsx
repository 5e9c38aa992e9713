// Global styles first, so component styles (imported by the components) come after them.
import './styles/tokens.css';
import './styles/base.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { loadFirstScreen } from './api/first-screen';
import { applyTheme } from './lib/theme';

loadFirstScreen();

// Follow the OS until the saved setting arrives, so the first paint is already in the right theme.
applyTheme('system');

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
