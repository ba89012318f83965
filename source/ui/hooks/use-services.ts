/** The catalogue and lab loading the app was given. */
import {useContext} from 'react';
import {ServicesContext, type Services} from '../services.js';

export function useServices(): Services {
	return useContext(ServicesContext);
}
