/** The theme in force (colour, ASCII) and its symbols. */
import {useContext} from 'react';
import {symbolsOf, ThemeContext, type Symbols, type Theme} from '../theme.js';

export function useTheme(): Theme & {readonly symbols: Symbols} {
	const theme = useContext(ThemeContext);
	return {...theme, symbols: symbolsOf(theme)};
}
