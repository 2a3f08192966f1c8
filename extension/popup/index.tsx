import { render } from 'preact';
import { askWorker } from '../shared/ask-worker';
import { Popup } from './popup';
import './popup.css';

// Asked before the first render: an effect would wait for a frame after it, and the popup has
// nothing to show until this answer.
const firstState = askWorker({ type: 'state' });

render(<Popup firstState={firstState} />, document.getElementById('app')!);
