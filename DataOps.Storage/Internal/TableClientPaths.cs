namespace DataOps.Storage.Internal;

/// <summary>URL path forms of the Table service.</summary>
internal static class TableClientPaths
{
    /// <summary><c>{table}(PartitionKey='..',RowKey='..')</c> with quotes doubled and the values escaped.</summary>
    public static string EntityPath(string table, string partitionKey, string rowKey) =>
        $"{Uri.EscapeDataString(table)}(PartitionKey='{Escape(partitionKey)}',RowKey='{Escape(rowKey)}')";

    private static string Escape(string key) => Uri.EscapeDataString(key.Replace("'", "''", StringComparison.Ordinal));
}
