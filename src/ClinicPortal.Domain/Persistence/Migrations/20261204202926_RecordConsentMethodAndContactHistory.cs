using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ClinicPortal.Domain.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class RecordConsentMethodAndContactHistory : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Method",
                table: "ConsentHistory",
                type: "TEXT",
                maxLength: 30,
                nullable: false,
                defaultValue: "PatientPortal");

            migrationBuilder.AddColumn<string>(
                name: "Note",
                table: "ConsentHistory",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "EmergencyContactChanges",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PatientId = table.Column<int>(type: "INTEGER", nullable: false),
                    ChangedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ChangedByUserId = table.Column<string>(type: "TEXT", nullable: false),
                    OldName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    OldPhoneMasked = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    NewName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    NewPhoneMasked = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EmergencyContactChanges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EmergencyContactChanges_Patients_PatientId",
                        column: x => x.PatientId,
                        principalTable: "Patients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_EmergencyContactChanges_PatientId_ChangedAtUtc",
                table: "EmergencyContactChanges",
                columns: new[] { "PatientId", "ChangedAtUtc" });

            // The contact history is append-only, like the consent history: it shows who could
            // have received each share, so no path may rewrite it.
            migrationBuilder.Sql("""
                CREATE TRIGGER EmergencyContactChanges_NoUpdate BEFORE UPDATE ON EmergencyContactChanges
                BEGIN
                    SELECT RAISE(ABORT, 'EmergencyContactChanges is append-only: entries cannot be updated');
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER EmergencyContactChanges_NoDelete BEFORE DELETE ON EmergencyContactChanges
                BEGIN
                    SELECT RAISE(ABORT, 'EmergencyContactChanges is append-only: entries cannot be deleted');
                END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER EmergencyContactChanges_NoDelete;");
            migrationBuilder.Sql("DROP TRIGGER EmergencyContactChanges_NoUpdate;");

            migrationBuilder.DropTable(
                name: "EmergencyContactChanges");

            migrationBuilder.DropColumn(
                name: "Method",
                table: "ConsentHistory");

            migrationBuilder.DropColumn(
                name: "Note",
                table: "ConsentHistory");
        }
    }
}
