using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace DataOps.Functions.Workflows;

/// <summary>The activity context a class-based activity runs with inside an activity function: its name and the calling orchestration's id.</summary>
internal sealed class FunctionActivityContext(FunctionContext context) : TaskActivityContext
{
    /// <inheritdoc />
    public override TaskName Name { get; } = new(context.FunctionDefinition.Name);

    /// <inheritdoc />
    public override string InstanceId { get; } =
        context.BindingContext.BindingData.TryGetValue("instanceId", out var id) ? id?.ToString() ?? string.Empty : string.Empty;
}
