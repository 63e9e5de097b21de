namespace DataOps.Durable.Runtime;

/// <summary>Reads the input type of a task class from its <see cref="TaskOrchestrator{TInput, TOutput}"/> base.</summary>
internal static class TaskTypes
{
    public static Type InputTypeOf(Type taskType)
    {
        for (var type = taskType; type is not null; type = type.BaseType)
        {
            if (type.IsGenericType && (type.GetGenericTypeDefinition() == typeof(TaskOrchestrator<,>) || type.GetGenericTypeDefinition() == typeof(TaskActivity<,>)))
            {
                return type.GetGenericArguments()[0];
            }
        }

        return typeof(object);
    }
}
