// A deliberately wrong binding: getToken given a string where the element takes a function.
// The type checker must reject it; test/frameworks/ checks that it does.
import type {} from 'outbound-elements/types/react';
import 'outbound-elements';

export const Wrong = () => <outbound-app-button app-id="github" getToken="not a function" />;
