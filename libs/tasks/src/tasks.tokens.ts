/** Injection token of the {@link TasksSettings} given to `TasksModule.forRoot`. */
export const TASKS_SETTINGS = Symbol('TASKS_SETTINGS');
