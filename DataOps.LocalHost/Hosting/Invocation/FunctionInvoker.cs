using System.Collections.Concurrent;
using System.Reflection;
using System.Runtime.ExceptionServices;
using DataOps.LocalHost.Hosting.Indexing;

namespace DataOps.LocalHost.Hosting.Invocation;

/// <summary>Creates the function's class through DI (constructor injection), binds the arguments and awaits the method.</summary>
internal static class FunctionInvoker
{
    private static readonly ConcurrentDictionary<Type, ObjectFactory> Factories = new();

    /// <summary>Binds every argument first, so a binding failure never half-runs a function.</summary>
    public static object?[] BindArguments(IndexedFunction function, InvocationData data) =>
        [.. function.Binders.Select(b => b(data))];

    public static async Task<object?> InvokeAsync(IndexedFunction function, InvocationData data, object?[] arguments)
    {
        object? instance = null;
        if (!function.Method.IsStatic)
        {
            var factory = Factories.GetOrAdd(function.ClassType, t => ActivatorUtilities.CreateFactory(t, Type.EmptyTypes));
            instance = factory(data.Context.InstanceServices, null);
        }

        try
        {
            object? result;
            try
            {
                result = function.Method.Invoke(instance, arguments);
            }
            catch (TargetInvocationException ex) when (ex.InnerException is not null)
            {
                ExceptionDispatchInfo.Capture(ex.InnerException).Throw();
                throw;
            }

            return await UnwrapAsync(result, function.Method.ReturnType);
        }
        finally
        {
            switch (instance)
            {
                case IAsyncDisposable asyncDisposable:
                    await asyncDisposable.DisposeAsync();
                    break;
                case IDisposable disposable:
                    disposable.Dispose();
                    break;
            }
        }
    }

    private static async Task<object?> UnwrapAsync(object? result, Type returnType)
    {
        switch (result)
        {
            case Task task:
                await task;
                return returnType.IsGenericType ? returnType.GetProperty(nameof(Task<object>.Result))!.GetValue(task) : null;
            case ValueTask valueTask:
                await valueTask;
                return null;
            default:
                if (returnType.IsGenericType && returnType.GetGenericTypeDefinition() == typeof(ValueTask<>))
                {
                    var task = (Task)returnType.GetMethod(nameof(ValueTask<object>.AsTask))!.Invoke(result, null)!;
                    await task;
                    return task.GetType().GetProperty(nameof(Task<object>.Result))!.GetValue(task);
                }

                return returnType == typeof(void) ? null : result;
        }
    }
}
