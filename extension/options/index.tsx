import { render } from 'preact';
import { Options } from './options';
import './options.css';

render(<Options />, document.getElementById('app')!);
