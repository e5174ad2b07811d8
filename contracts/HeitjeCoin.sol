// SPDX-License-Identifier: UNLICENSED
pragma solidity ^0.8.24;

import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";
import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";
import {ERC20Permit} from "@openzeppelin/contracts/token/ERC20/extensions/ERC20Permit.sol";
import {Pausable} from "@openzeppelin/contracts/utils/Pausable.sol";
import {EIP3009} from "./src/EIP3009.sol";

/// @title HeitjeCoin: the Heerlens Heitje
/// @notice The municipality's closed-loop reward coin. One coin is one euro and amounts are euro cents
/// (decimals() == 2). The municipality mints coins to residents as rewards; residents spend them at participating
/// shops (ACCEPTOR_ROLE), usually through EIP-3009 authorizations relayed for them; shops pass coins on to the
/// treasury (TREASURY_ROLE) or have them redeemed for euros, which burns them. Coins can never move from one
/// resident to another.
/// @dev Nothing personal is stored here: accounts are pseudonymous addresses and every `ref` is an opaque 32-byte
/// value (a keccak hash of an internal id).
contract HeitjeCoin is ERC20, ERC20Permit, EIP3009, Pausable, AccessControl {
    /// @notice May mint coins (the API's minter key).
    bytes32 public constant MINTER_ROLE = keccak256("MINTER_ROLE");
    /// @notice May burn coins held by shops and the treasury when they are paid out (payouts).
    bytes32 public constant REDEEMER_ROLE = keccak256("REDEEMER_ROLE");
    /// @notice May pause and unpause every movement of coins.
    bytes32 public constant PAUSER_ROLE = keccak256("PAUSER_ROLE");
    /// @notice Held by the addresses of participating shops.
    bytes32 public constant ACCEPTOR_ROLE = keccak256("ACCEPTOR_ROLE");
    /// @notice Held by the municipal treasury.
    bytes32 public constant TREASURY_ROLE = keccak256("TREASURY_ROLE");
    /// @notice Role admin of ACCEPTOR_ROLE: may activate and deactivate shops without holding the admin role.
    bytes32 public constant ONBOARDER_ROLE = keccak256("ONBOARDER_ROLE");

    /// @notice Emitted when `amount` cents are minted to `to` for the internal reference `ref`.
    event Minted(address indexed to, uint256 amount, bytes32 indexed ref);

    /// @notice Emitted when `amount` cents held by `from` are burnt for the payout reference `ref`.
    event Redeemed(address indexed from, uint256 amount, bytes32 indexed ref);

    /// @notice A transfer between two accounts of which neither is a shop nor the treasury.
    error ClosedLoopTransfer(address from, address to);

    /// @notice Only coins held by a shop or the treasury can be redeemed.
    error RedeemFromNonParticipant(address from);

    /// @notice The reference was used before: by a mint (for mint), or by a redeem from the same holder (for
    /// redeem). A reference moves coins once, so a repeated or restored instruction cannot mint or burn twice.
    error ReferenceUsed(bytes32 ref);

    /// @notice Whether a mint used a reference.
    mapping(bytes32 => bool) public mintRefUsed;

    /// @notice Whether a redeem from a holder used a reference. A payout run's reference covers one redeem per
    /// shop, so a redeem's reference is unique per holder.
    mapping(address => mapping(bytes32 => bool)) public redeemRefUsed;

    /// @param admin Receives DEFAULT_ADMIN_ROLE, and nothing else; it grants the other roles afterwards.
    constructor(address admin) ERC20("Heerlens Heitje", "HEITJE") ERC20Permit("Heerlens Heitje") {
        _grantRole(DEFAULT_ADMIN_ROLE, admin);
        _setRoleAdmin(ACCEPTOR_ROLE, ONBOARDER_ROLE);
    }

    /// @notice Amounts are euro cents.
    function decimals() public pure override returns (uint8) {
        return 2;
    }

    /// @notice Mints `amount` cents to `to`, once per reference.
    /// @param ref Opaque reference of the reason (a hash of an internal id), echoed in the Minted event; a
    /// reference used by an earlier mint is refused with ReferenceUsed.
    function mint(address to, uint256 amount, bytes32 ref) external onlyRole(MINTER_ROLE) {
        if (mintRefUsed[ref]) {
            revert ReferenceUsed(ref);
        }
        mintRefUsed[ref] = true;
        _mint(to, amount);
        emit Minted(to, amount, ref);
    }

    /// @notice Burns `amount` cents held by a shop or the treasury once they are paid out in euros.
    /// @param from A holder of ACCEPTOR_ROLE or TREASURY_ROLE; never a resident.
    /// @param ref Opaque reference of the payout, echoed in the Redeemed event; a reference used by an earlier
    /// redeem from the same holder is refused with ReferenceUsed.
    function redeem(address from, uint256 amount, bytes32 ref) external onlyRole(REDEEMER_ROLE) {
        if (!isParticipant(from)) {
            revert RedeemFromNonParticipant(from);
        }
        if (redeemRefUsed[from][ref]) {
            revert ReferenceUsed(ref);
        }
        redeemRefUsed[from][ref] = true;
        _burn(from, amount);
        emit Redeemed(from, amount, ref);
    }

    /// @notice Stops every transfer, mint and burn until unpause.
    function pause() external onlyRole(PAUSER_ROLE) {
        _pause();
    }

    /// @notice Lets coins move again after pause.
    function unpause() external onlyRole(PAUSER_ROLE) {
        _unpause();
    }

    /// @notice Reports whether `account` is a participating shop or the treasury, that is, may send coins to and
    /// receive coins from anyone.
    function isParticipant(address account) public view returns (bool) {
        return hasRole(ACCEPTOR_ROLE, account) || hasRole(TREASURY_ROLE, account);
    }

    /// @dev Every movement of coins passes here: none while paused, and a transfer needs a shop or the treasury
    /// on at least one side. The payee is checked first, since the common transfer is a payment to a shop.
    function _update(address from, address to, uint256 value) internal override whenNotPaused {
        if (from != address(0) && to != address(0) && !isParticipant(to) && !isParticipant(from)) {
            revert ClosedLoopTransfer(from, to);
        }
        super._update(from, to, value);
    }
}
