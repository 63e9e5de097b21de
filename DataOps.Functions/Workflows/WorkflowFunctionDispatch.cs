using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace DataOps.Functions.Workflows;

/// <summary>What the slices' orchestration and activity functions share: building an activity, reading an orchestration's input.</summary>
internal static class WorkflowFunctionDispatch
{
    /// <summary>The activity <typeparamref name="T"/>, built from the invocation's services and <paramref name="arguments"/>.</summary>
    public static T Create<T>(FunctionContext context, params object[] arguments)
    {
        ArgumentNullException.ThrowIfNull(context);
        return ActivatorUtilities.CreateInstance<T>(context.InstanceServices, arguments);
    }

    /// <summary>The orchestration's input; a missing input is an error the orchestration reports.</summary>
    public static T Input<T>(TaskOrchestrationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.GetInput<T>() ?? throw new InvalidOperationException($"Orchestration {context.Name} was started without an input.");
    }
}
