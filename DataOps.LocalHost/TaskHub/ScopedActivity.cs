using Microsoft.DurableTask;

namespace DataOps.LocalHost.TaskHub;

/// <summary>
/// Runs an activity type in a DI scope of its own: the scope is created when the activity starts, the activity is
/// built in it with constructor injection, and the scope (with the activity's scoped services) is disposed when it ends.
/// </summary>
internal sealed class ScopedActivity : ITaskActivity
{
    private readonly IServiceScopeFactory _scopes;
    private readonly Type _activityType;

    public ScopedActivity(IServiceScopeFactory scopes, Type activityType)
    {
        _scopes = scopes;
        _activityType = activityType;
        var typed = activityType.BaseType;
        while (typed is not null && !(typed.IsGenericType && typed.GetGenericTypeDefinition() == typeof(TaskActivity<,>)))
        {
            typed = typed.BaseType;
        }

        // The shim deserializes the input to InputType before the activity runs, so it must be known up front.
        InputType = typed?.GetGenericArguments()[0] ?? typeof(object);
        OutputType = typed?.GetGenericArguments()[1] ?? typeof(object);
    }

    public Type InputType { get; }

    public Type OutputType { get; }

    public async Task<object?> RunAsync(TaskActivityContext context, object? input)
    {
        await using var scope = _scopes.CreateAsyncScope();
        var activity = (ITaskActivity)ActivatorUtilities.CreateInstance(scope.ServiceProvider, _activityType);
        return await activity.RunAsync(context, input).ConfigureAwait(false);
    }
}
