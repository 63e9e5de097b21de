using Azure.Data.Tables;

namespace DataOps.Durable.Runtime.Storage;

/// <summary>Reads and writes the instance summary columns shared by the sentinel row and the instances table.</summary>
internal static class SummaryEntity
{
    public static TableEntity Write(TableEntity entity, InstanceSummary summary)
    {
        SetIfPresent(entity, "ExecutionId", summary.ExecutionId);
        SetIfPresent(entity, "Name", summary.Name);
        SetIfPresent(entity, "RuntimeStatus", summary.Status?.ToString());
        SetIfPresent(entity, "Input", summary.Input);
        SetIfPresent(entity, "Output", summary.Output);
        SetIfPresent(entity, "FailureDetails", summary.Failure);
        SetIfPresent(entity, "CustomStatus", summary.CustomStatus);
        SetIfPresent(entity, "ParentInstanceId", summary.ParentInstanceId);
        SetIfPresent(entity, "CompletedAt", summary.CompletedAt);
        return entity;
    }

    /// <summary>
    /// Sets a column, or leaves it out when the value is null. A merge must keep what the row already holds for
    /// the fields a summary does not carry (a poisoned instance's summary has no input, for one). Azure.Data.Tables
    /// sends a null value as an explicit JSON null; leaving the property out does not depend on how a service treats it.
    /// </summary>
    public static void SetIfPresent(TableEntity entity, string key, object? value)
    {
        if (value is null)
        {
            entity.Remove(key);
        }
        else
        {
            entity[key] = value;
        }
    }

    public static InstanceSummary Read(TableEntity entity) => new()
    {
        ExecutionId = entity.GetString("ExecutionId"),
        Name = entity.GetString("Name"),
        Status = Enum.TryParse<OrchestrationRuntimeStatus>(entity.GetString("RuntimeStatus"), out var status) ? status : null,
        Input = entity.GetString("Input"),
        Output = entity.GetString("Output"),
        Failure = entity.GetString("FailureDetails"),
        CustomStatus = entity.GetString("CustomStatus"),
        ParentInstanceId = entity.GetString("ParentInstanceId"),
        CompletedAt = entity.GetDateTimeOffset("CompletedAt"),
    };
}
