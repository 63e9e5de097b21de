using DataOps.Storage.Tables;

namespace DataOps.Durable.Runtime.Storage;

/// <summary>Reads and writes the instance summary columns shared by the sentinel row and the instances table.</summary>
internal static class SummaryEntity
{
    public static TableEntity Write(TableEntity entity, InstanceSummary summary)
    {
        entity["ExecutionId"] = summary.ExecutionId;
        entity["Name"] = summary.Name;
        entity["RuntimeStatus"] = summary.Status?.ToString();
        entity["Input"] = summary.Input;
        entity["Output"] = summary.Output;
        entity["FailureDetails"] = summary.Failure;
        entity["CustomStatus"] = summary.CustomStatus;
        entity["ParentInstanceId"] = summary.ParentInstanceId;
        entity["CompletedAt"] = summary.CompletedAt;
        return entity;
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
