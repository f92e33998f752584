import { i18nReady } from './app/i18n';
import './app/styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import { Providers } from './app/providers';
import { router } from './app/router';

const container = document.getElementById('root');
if (!container) throw new Error('#root is missing from index.html');

const root = createRoot(container);
const render = () =>
  root.render(
    <StrictMode>
      <Providers>
        <RouterProvider router={router} />
      </Providers>
    </StrictMode>,
  );
// English texts are fetched first when the device chose English; Vietnamese render at once. Should the
// fetch fail, the page still renders (in Vietnamese, the fallback).
void i18nReady.then(render, render);
