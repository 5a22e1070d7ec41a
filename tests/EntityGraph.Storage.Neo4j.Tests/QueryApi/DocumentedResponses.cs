namespace EntityGraph.Storage.Neo4j.Tests.QueryApi;

/// <summary>
/// Response bodies in the shape Neo4j's Query API documentation shows (typed JSON results, errors,
/// transactions, bookmarks), used as the stub server's answers.
/// </summary>
public static class DocumentedResponses
{
    public const string Bookmark = "FB:kcwQ/wTfJf8rS1WY+GiIKXsCXg6Q";

    public const string TransactionId = "c8a02b1e5ea24b93b82ea7066b5adb32";

    public const string Affinity = "MDpmZjA0ZGYyNS1mZjJiLTRiNTUtOThmOC02ODg4Mjk3YjAyNWU=";

    public static readonly IReadOnlyDictionary<string, string> AffinityHeader =
        new Dictionary<string, string> { ["neo4j-cluster-affinity"] = Affinity };

    public const string PersonAndName = """
        {
          "data": {
            "fields": ["person", "name"],
            "values": [
              [
                {
                  "$type": "Node",
                  "_value": {
                    "_element_id": "4:ff04df25-ff2b-4b55-98f8-6888297b025e:2",
                    "_labels": ["Person"],
                    "_properties": { "name": { "$type": "String", "_value": "Phil" } }
                  }
                },
                { "$type": "String", "_value": "Phil" }
              ]
            ]
          },
          "bookmarks": ["FB:kcwQ/wTfJf8rS1WY+GiIKXsCXg6Q"]
        }
        """;

    public const string ReturnOne = """
        { "data": { "fields": ["1"], "values": [[{ "$type": "Integer", "_value": "1" }]] }, "bookmarks": [] }
        """;

    public const string EveryValueType = """
        {
          "data": {
            "fields": ["null", "boolean", "integer", "float", "string", "base64", "list", "map", "date", "time",
                       "localTime", "localDateTime", "offsetDateTime", "zonedDateTime", "duration", "point", "point3d",
                       "node", "relationship", "path"],
            "values": [
              [
                { "$type": "Null", "_value": null },
                { "$type": "Boolean", "_value": true },
                { "$type": "Integer", "_value": "9007199254740993" },
                { "$type": "Float", "_value": "9.81" },
                { "$type": "String", "_value": "Ivanov Trading LLC" },
                { "$type": "Base64", "_value": "AQIDBA==" },
                { "$type": "List", "_value": [ { "$type": "Integer", "_value": "1" }, { "$type": "String", "_value": "two" } ] },
                { "$type": "Map", "_value": { "name": { "$type": "String", "_value": "Phil" }, "age": { "$type": "Integer", "_value": "42" } } },
                { "$type": "Date", "_value": "2015-03-26" },
                { "$type": "Time", "_value": "12:50:35.556+01:00" },
                { "$type": "LocalTime", "_value": "12:50:35.556" },
                { "$type": "LocalDateTime", "_value": "2015-07-04T19:32:24" },
                { "$type": "OffsetDateTime", "_value": "2015-11-21T21:40:32.142Z" },
                { "$type": "ZonedDateTime", "_value": "2015-11-21T21:40:32.142+01:00[Europe/Berlin]" },
                { "$type": "Duration", "_value": "P14DT16H12M" },
                { "$type": "Point", "_value": "SRID=7203;POINT (1.2 3.4)" },
                { "$type": "Point", "_value": "SRID=4979;POINT Z (12.5 56.2 1000.0)" },
                {
                  "$type": "Node",
                  "_value": {
                    "_element_id": "4:ff04df25-ff2b-4b55-98f8-6888297b025e:0",
                    "_labels": ["Person"],
                    "_properties": { "name": { "$type": "String", "_value": "Alice" }, "age": { "$type": "Integer", "_value": "42" } }
                  }
                },
                {
                  "$type": "Relationship",
                  "_value": {
                    "_element_id": "5:ff04df25-ff2b-4b55-98f8-6888297b025e:0",
                    "_start_node_element_id": "4:ff04df25-ff2b-4b55-98f8-6888297b025e:0",
                    "_end_node_element_id": "4:ff04df25-ff2b-4b55-98f8-6888297b025e:1",
                    "_type": "KNOWS",
                    "_properties": { "since": { "$type": "Integer", "_value": "2020" } }
                  }
                },
                {
                  "$type": "Path",
                  "_value": [
                    { "$type": "Node", "_value": { "_element_id": "4:ff04df25-ff2b-4b55-98f8-6888297b025e:0", "_labels": ["Person"], "_properties": {} } },
                    {
                      "$type": "Relationship",
                      "_value": {
                        "_element_id": "5:ff04df25-ff2b-4b55-98f8-6888297b025e:0",
                        "_start_node_element_id": "4:ff04df25-ff2b-4b55-98f8-6888297b025e:0",
                        "_end_node_element_id": "4:ff04df25-ff2b-4b55-98f8-6888297b025e:1",
                        "_type": "KNOWS",
                        "_properties": {}
                      }
                    },
                    { "$type": "Node", "_value": { "_element_id": "4:ff04df25-ff2b-4b55-98f8-6888297b025e:1", "_labels": ["Person"], "_properties": {} } }
                  ]
                }
              ]
            ]
          },
          "bookmarks": ["FB:kcwQ/wTfJf8rS1WY+GiIKXsCXg6Q"]
        }
        """;

    public const string SyntaxError = """
        {
          "errors": [
            {
              "code": "Neo.ClientError.Statement.SyntaxError",
              "message": "Invalid input 'MATC': expected 'MATCH' (line 1, column 1 (offset: 0))"
            }
          ]
        }
        """;

    public const string Unauthorized = """
        { "errors": [ { "code": "Neo.ClientError.Security.Unauthorized", "message": "Invalid credential." } ] }
        """;

    public const string DatabaseNotFound = """
        { "errors": [ { "code": "Neo.ClientError.Database.DatabaseNotFound", "message": "Graph not found: nosuchdb" } ] }
        """;

    /// <summary>The documented answer to a request for an expired transaction (the documentation shows the body, not the status).</summary>
    public const string TransactionExpired = """
        { "errors": [ { "code": "Neo.ClientError.Request.Invalid", "message": "Transaction with Id: \"c8a02b1e5ea24b93b82ea7066b5adb32\" was not found. It may have timed out and therefore rolled back or the routing header 'neo4j-cluster-affinity' was not provided." } ] }
        """;

    /// <summary>An expired transaction as servers have also answered it, with a code of its own.</summary>
    public const string TransactionNotFound = """
        { "errors": [ { "code": "Neo.ClientError.Transaction.TransactionNotFound", "message": "Transaction with Id: \"c8a02b1e5ea24b93b82ea7066b5adb32\" was not found. It may have timed out and therefore rolled back or the routing header 'neo4j-cluster-affinity' was not provided." } ] }
        """;

    public const string ServiceUnavailable = """
        { "errors": [ { "code": "Neo.TransientError.General.DatabaseUnavailable", "message": "The database is not currently available to serve your request." } ] }
        """;

    public static string TransientError(string code) => $$"""
        { "errors": [ { "code": "{{code}}", "message": "The request failed for a reason that may go away: {{code}}." } ] }
        """;

    public static string TransactionBegun(string id = TransactionId) => $$"""
        {
          "data": { "fields": [], "values": [] },
          "bookmarks": [],
          "transaction": { "id": "{{id}}", "expires": "2024-10-22T14:53:50.327Z" }
        }
        """;

    public const string MergedCount = """
        {
          "data": { "fields": ["merged"], "values": [[{ "$type": "Integer", "_value": "3" }]] },
          "bookmarks": [],
          "transaction": { "id": "c8a02b1e5ea24b93b82ea7066b5adb32", "expires": "2024-10-22T14:53:50.327Z" }
        }
        """;

    public const string Committed = """
        { "data": { "fields": [], "values": [] }, "bookmarks": ["FB:kcwQ/wTfJf8rS1WY+GiIKXsCXg6Q"] }
        """;

    public const string RolledBack = """
        { "data": { "fields": [], "values": [] }, "bookmarks": [] }
        """;
}
