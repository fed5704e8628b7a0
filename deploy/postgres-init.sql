-- One database per service (split mode).
create database auth;
create database users;
create database projects;
